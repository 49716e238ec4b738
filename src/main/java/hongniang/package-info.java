/**
 * Hongniang (红娘): employment matching for a street office and its communities. {@link
 * hongniang.Application} finds or starts the database and starts the service; the packages below
 * hold the features, the domain, the shared parts and their support ({@code docs/architecture.md}
 * draws them).
 */
package hongniang;
