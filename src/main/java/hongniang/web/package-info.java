/**
 * Shared web support: problem+json errors for every failure, rendered in the caller's language from
 * the bundles in {@code i18n/} (Chinese, or English for {@code Accept-Language: en}), and the shape
 * of responses.
 */
package hongniang.web;
