package hongniang.support;

import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/v1/login}: Micronaut's endpoint takes a username and a password. */
@Serdeable
public record Login(String username, String password) {}
