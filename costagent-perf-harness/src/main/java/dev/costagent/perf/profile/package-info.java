/**
 * Built-in open-model load profiles, made by {@link dev.costagent.perf.profile.LoadProfiles}: constant rate,
 * sustained, linear ramps, multi-stage profiles ({@link dev.costagent.perf.profile.Stages}), bursts and spikes. Each
 * is a {@link dev.costagent.perf.spi.LoadProfile}, the extension point custom profiles implement too.
 */
package dev.costagent.perf.profile;
