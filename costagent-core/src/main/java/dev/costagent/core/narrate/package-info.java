/**
 * Explanations of findings: the {@link dev.costagent.core.narrate.Narrator} extension point and the default,
 * deterministic {@link dev.costagent.core.narrate.TemplateNarrator}.
 */
package dev.costagent.core.narrate;
