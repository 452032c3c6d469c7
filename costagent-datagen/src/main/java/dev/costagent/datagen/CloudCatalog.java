package dev.costagent.datagen;

import dev.costagent.core.recommend.catalog.InstanceType;
import java.util.List;

/**
 * The services and regions generated data is drawn from, for AWS, Microsoft Azure and Google Cloud. Services are
 * listed in descending spend rank: the generator gives rank {@code i} a spend weight of {@code 1 / i^1.4}, which puts
 * roughly four fifths of the spend in the top fifth of the services (a Pareto shape, as real bills have).
 *
 * <p>Unit prices are approximate public list prices (2024, first pricing tier) and only make rows look plausible.
 */
final class CloudCatalog {

    static final String AWS = "AWS";
    static final String AZURE = "Microsoft";
    static final String GCP = "Google Cloud";
    static final List<String> PROVIDERS = List.of(AWS, AZURE, GCP);

    /** How a service's usage is metered. */
    enum Metering {
        /** One virtual machine: instance-hours at an {@link InstanceType}'s price. */
        INSTANCE,
        /** A metered quantity (GB-months, requests, hours...) at the service's unit price. */
        METERED
    }

    /**
     * One cloud service.
     *
     * @param provider FOCUS ProviderName
     * @param name FOCUS ServiceName
     * @param category FOCUS ServiceCategory
     * @param metering how usage is metered
     * @param token a short id used in resource ids and names
     * @param resourceType FOCUS ResourceType
     * @param unitPrice list price per pricing unit (METERED only)
     * @param unit the pricing and consumed unit (METERED only; instances use hours)
     * @param description ChargeDescription of a METERED row
     * @param typicalHourlyCost the usual hourly cost of one resource, used to turn spend weights into resource counts
     * @param weekdayDriven whether usage follows the working week (requests, data transfer) rather than being flat
     */
    record Service(
            String provider,
            String name,
            String category,
            Metering metering,
            String token,
            String resourceType,
            String unitPrice,
            String unit,
            String description,
            double typicalHourlyCost,
            boolean weekdayDriven) {}

    /**
     * One region.
     *
     * @param provider FOCUS ProviderName
     * @param id FOCUS RegionId
     * @param name FOCUS RegionName
     */
    record Region(String provider, String id, String name) {}

    static final List<Service> SERVICES = List.of(
            instance(AWS, "Amazon Elastic Compute Cloud", "ec2", "instance"),
            metered(
                    AWS,
                    "Amazon Relational Database Service",
                    "Databases",
                    "rds",
                    "db-instance",
                    "0.342",
                    "Hrs",
                    "$0.342 per RDS db.m5.large Multi-AZ instance hour (or partial hour) running MySQL",
                    0.7,
                    false),
            instance(AZURE, "Virtual Machines", "vm", "virtualMachines"),
            metered(
                    AWS,
                    "Amazon Simple Storage Service",
                    "Storage",
                    "s3",
                    "bucket",
                    "0.023",
                    "GB-Mo",
                    "$0.023 per GB - first 50 TB / month of storage used",
                    0.15,
                    false),
            instance(GCP, "Compute Engine", "gce", "instances"),
            metered(
                    AWS,
                    "Amazon Elastic Kubernetes Service",
                    "Compute",
                    "eks",
                    "cluster",
                    "0.10",
                    "Hrs",
                    "$0.10 per hour per Amazon EKS cluster",
                    0.10,
                    false),
            metered(
                    GCP,
                    "BigQuery",
                    "Analytics",
                    "bq",
                    "dataset",
                    "6.25",
                    "TiB",
                    "Analysis, on-demand queries, per TiB scanned",
                    0.8,
                    true),
            metered(
                    AZURE,
                    "Azure SQL Database",
                    "Databases",
                    "sql",
                    "servers/databases",
                    "0.5044",
                    "vCore Hours",
                    "SQL Database Single General Purpose - Compute Gen5, vCore hour",
                    0.5,
                    false),
            metered(
                    AWS,
                    "Amazon CloudFront",
                    "Networking",
                    "cf",
                    "distribution",
                    "0.085",
                    "GB",
                    "$0.085 per GB - first 10 TB / month data transfer out, United States",
                    0.3,
                    true),
            metered(
                    AWS,
                    "Amazon Redshift",
                    "Analytics",
                    "redshift",
                    "cluster",
                    "0.25",
                    "Hrs",
                    "$0.25 per DC2 Large Compute Node-hour (or partial hour)",
                    1.0,
                    false),
            metered(
                    AWS,
                    "Amazon DynamoDB",
                    "Databases",
                    "ddb",
                    "table",
                    "0.00000025",
                    "ReadRequestUnits",
                    "$0.25 per million read request units, on-demand",
                    0.2,
                    true),
            metered(
                    AZURE,
                    "Storage",
                    "Storage",
                    "st",
                    "storageAccounts",
                    "0.0184",
                    "GB/Month",
                    "Hot LRS Data Stored, first 50 TB",
                    0.1,
                    false),
            metered(
                    GCP,
                    "Cloud Storage",
                    "Storage",
                    "gcs",
                    "buckets",
                    "0.020",
                    "GiBy.mo",
                    "Standard Storage US Multi-region",
                    0.08,
                    false),
            metered(
                    AWS,
                    "AWS Lambda",
                    "Compute",
                    "lambda",
                    "function",
                    "0.0000166667",
                    "Lambda-GB-Second",
                    "AWS Lambda - Total Compute - US East (N. Virginia)",
                    0.05,
                    true),
            metered(
                    AWS,
                    "Elastic Load Balancing",
                    "Networking",
                    "elb",
                    "loadbalancer",
                    "0.008",
                    "LCU-Hrs",
                    "$0.008 per used Application load balancer capacity unit-hour (or partial hour)",
                    0.04,
                    true),
            metered(
                    AZURE,
                    "Azure Kubernetes Service",
                    "Compute",
                    "aks",
                    "managedClusters",
                    "0.10",
                    "Hours",
                    "Standard tier cluster management, hour",
                    0.1,
                    false),
            metered(
                    GCP,
                    "Cloud SQL",
                    "Databases",
                    "csql",
                    "instances",
                    "0.0413",
                    "vCPU-Hours",
                    "Cloud SQL for PostgreSQL: Zonal - vCPU in Americas",
                    0.3,
                    false),
            metered(
                    AWS,
                    "AmazonCloudWatch",
                    "Management and Governance",
                    "cw",
                    "metric",
                    "0.30",
                    "Metrics",
                    "$0.30 per metric-month - first 10,000 metrics",
                    0.03,
                    false),
            metered(
                    AWS,
                    "Amazon SageMaker",
                    "AI and Machine Learning",
                    "sm",
                    "notebook-instance",
                    "0.23",
                    "Hrs",
                    "$0.23 per On Demand ml.m5.xlarge notebook instance hour",
                    0.4,
                    true),
            metered(
                    AWS,
                    "Amazon Simple Queue Service",
                    "Integration",
                    "sqs",
                    "queue",
                    "0.0000004",
                    "Requests",
                    "$0.40 per million Amazon SQS standard requests in Tier1",
                    0.01,
                    true),
            metered(
                    AZURE,
                    "Azure Monitor",
                    "Management and Governance",
                    "mon",
                    "workspaces",
                    "2.30",
                    "GB",
                    "Log Analytics data ingestion, pay-as-you-go, per GB",
                    0.05,
                    true),
            metered(
                    AZURE,
                    "Azure App Service",
                    "Web",
                    "app",
                    "sites",
                    "0.146",
                    "Hours",
                    "Premium v3 P1v3 App Service hour",
                    0.15,
                    false),
            metered(
                    GCP,
                    "Cloud Run",
                    "Compute",
                    "run",
                    "services",
                    "0.000024",
                    "vCPU-Seconds",
                    "CPU Allocation Time, tier 1",
                    0.04,
                    true),
            metered(
                    GCP,
                    "Cloud Logging",
                    "Management and Governance",
                    "log",
                    "logs",
                    "0.50",
                    "GiBy",
                    "Log Storage cost, per GiB ingested",
                    0.02,
                    true));

    static final List<Region> REGIONS = List.of(
            new Region(AWS, "us-east-1", "US East (N. Virginia)"),
            new Region(AWS, "us-west-2", "US West (Oregon)"),
            new Region(AWS, "eu-west-1", "Europe (Ireland)"),
            new Region(AWS, "eu-central-1", "Europe (Frankfurt)"),
            new Region(AWS, "ap-southeast-2", "Asia Pacific (Sydney)"),
            new Region(AWS, "ap-northeast-1", "Asia Pacific (Tokyo)"),
            new Region(AZURE, "eastus", "East US"),
            new Region(AZURE, "westeurope", "West Europe"),
            new Region(AZURE, "westus2", "West US 2"),
            new Region(AZURE, "northeurope", "North Europe"),
            new Region(AZURE, "southeastasia", "Southeast Asia"),
            new Region(AZURE, "centralus", "Central US"),
            new Region(GCP, "us-central1", "Iowa"),
            new Region(GCP, "europe-west1", "Belgium"),
            new Region(GCP, "us-east1", "South Carolina"),
            new Region(GCP, "europe-west4", "Netherlands"),
            new Region(GCP, "asia-northeast1", "Tokyo"),
            new Region(GCP, "us-west1", "Oregon"));

    static final List<String> TEAMS =
            List.of("payments", "checkout", "search", "data", "platform", "identity", "mobile", "ml");
    static final List<String> APPS = List.of(
            "storefront",
            "ledger",
            "catalog",
            "recommender",
            "auth",
            "billing",
            "etl",
            "gateway",
            "notifications",
            "reporting",
            "inventory",
            "analytics");

    private CloudCatalog() {}

    /** The invoice issuer and publisher of a provider's own services. */
    static String issuer(String provider) {
        return switch (provider) {
            case AWS -> "Amazon Web Services, Inc.";
            case AZURE -> "Microsoft";
            case GCP -> "Google";
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    private static Service instance(String provider, String name, String token, String resourceType) {
        // Typical cost: roughly the price of a mid-size instance of the built-in list.
        return new Service(
                provider, name, "Compute", Metering.INSTANCE, token, resourceType, null, "Hours", null, 0.2, false);
    }

    private static Service metered(
            String provider,
            String name,
            String category,
            String token,
            String resourceType,
            String unitPrice,
            String unit,
            String description,
            double typical,
            boolean weekdayDriven) {
        return new Service(
                provider,
                name,
                category,
                Metering.METERED,
                token,
                resourceType,
                unitPrice,
                unit,
                description,
                typical,
                weekdayDriven);
    }
}
