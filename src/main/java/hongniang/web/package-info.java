/** Shared web support: problem+json errors for every failure, and the shape of responses. */
package hongniang.web;
