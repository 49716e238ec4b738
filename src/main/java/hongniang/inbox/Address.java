package hongniang.inbox;

import hongniang.security.Caller;
import java.util.List;
import java.util.Optional;

/**
 * An audience and its one id: a resident's profile, a partner unit, a community, or the admins (no
 * id). Whoever is bound to the audience reads its messages.
 */
record Address(Audience audience, Long id) {

  /** Who reads a message: the column of {@code inbox_message} that names them. */
  enum Audience {
    RESIDENT("jobseeker_id"),
    UNIT("partner_unit_id"),
    COMMUNITY("community_id"),
    ADMINS(null);

    private final String column;

    Audience(String column) {
      this.column = column;
    }

    String column() {
      return column;
    }
  }

  static final Address ADMINS = new Address(Audience.ADMINS, null);

  Address {
    if ((audience == Audience.ADMINS) != (id == null)) {
      throw new IllegalArgumentException(audience + " with id " + id);
    }
  }

  /** The audience a caller belongs to by their role and binding; empty for one bound to nothing. */
  static Optional<Address> of(Caller caller) {
    Audience audience =
        switch (caller.role()) {
          case ADMIN -> Audience.ADMINS;
          case MATCHMAKER -> Audience.COMMUNITY;
          case EMPLOYER -> Audience.UNIT;
          case RESIDENT -> Audience.RESIDENT;
        };
    Long id =
        switch (audience) {
          case ADMINS -> null;
          case COMMUNITY -> caller.communityId();
          case UNIT -> caller.partnerUnitId();
          case RESIDENT -> caller.jobseekerId();
        };
    return audience != Audience.ADMINS && id == null
        ? Optional.empty()
        : Optional.of(new Address(audience, id));
  }

  /** The SQL condition on {@code inbox_message m} that keeps this audience's messages. */
  String where() {
    return audience == Audience.ADMINS
        ? "m.audience = 'ADMINS'"
        : "m.audience = '" + audience.name() + "' AND m." + audience.column() + " = ?";
  }

  /** The values of {@link #where()}'s parameters. */
  List<Object> whereArgs() {
    return id == null ? List.of() : List.of(id);
  }
}
