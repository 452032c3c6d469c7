/**
 * The prices recommendations are computed from: the shipped, overridable {@link
 * dev.costagent.core.recommend.catalog.InstanceCatalog} (vCPU, memory and on-demand hourly price of common AWS, Azure
 * and GCP instance types) and the {@link dev.costagent.core.recommend.catalog.PricingRates} (storage prices,
 * commitment discounts, spot discount), each rate naming its source.
 */
package dev.costagent.core.recommend.catalog;
