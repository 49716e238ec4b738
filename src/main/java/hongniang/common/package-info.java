/** Shared building blocks that know no feature: errors, paging, masking, check digits, time. */
package hongniang.common;
