/** The demo-data generator: communities' partner units, postings, jobseekers and logins. */
package hongniang.demo;
