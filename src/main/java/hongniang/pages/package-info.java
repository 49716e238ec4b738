/**
 * The site people use (issue 16): server-rendered pages on the same services and rules as the API.
 * Templates are jte files in {@code src/main/jte}, precompiled at build time; every text comes from
 * the message bundles ({@code page.*} keys) in the reader's language, Chinese unless they chose
 * English (a cookie, {@link hongniang.pages.Switches}). Pages work without JavaScript.
 */
package hongniang.pages;
