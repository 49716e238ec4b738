/** Who is calling: roles, the caller's bindings (community, unit, resident) read from the token. */
package hongniang.security;
