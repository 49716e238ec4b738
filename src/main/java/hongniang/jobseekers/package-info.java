/** Jobseeker profiles (求职居民): residents, their priority categories and personal data. */
package hongniang.jobseekers;
