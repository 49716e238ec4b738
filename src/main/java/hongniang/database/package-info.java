/** Where the database is: a configured PostgreSQL server, or the embedded one in DATA_DIR. */
package hongniang.database;
