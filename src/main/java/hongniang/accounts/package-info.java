/** Users, roles and login; the first admin; the audit log of personal-data reads. */
package hongniang.accounts;
