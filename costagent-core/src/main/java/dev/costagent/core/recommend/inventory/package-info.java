/**
 * Which instance type each resource runs: {@link dev.costagent.core.recommend.inventory.InstanceTypeResolver} (the
 * entry type) looks in an {@link dev.costagent.core.recommend.inventory.InstanceInventory} file
 * ({@code ResourceId,InstanceType}) first, then in a provider column ({@code x_InstanceType}, {@code SkuPriceDetails})
 * and finally in the AWS ChargeDescription form {@code $0.192 per On Demand Linux m5.xlarge Instance Hour}.
 */
package dev.costagent.core.recommend.inventory;
