/**
 * The street office admin's pages: the overview with the search index's status and rebuild, partner
 * units and their agreements, postings held by screening, users and communities, and the audit log.
 * Every page calls the features' services with the signed-in admin, as the API does.
 */
package hongniang.pages.admin;
