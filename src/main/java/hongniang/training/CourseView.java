package hongniang.training;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A course as the API shows it; {@code communityName} beside {@code communityId} (null: the street
 * office runs it), and the seats taken and left. {@code version} is its ETag.
 */
@Serdeable
public record CourseView(
    Long id,
    String title,
    CourseKind kind,
    String provider,
    LocalDate startsOn,
    LocalDate endsOn,
    String place,
    Long communityId,
    String communityName,
    int seats,
    int seatsTaken,
    int seatsLeft,
    String licence,
    String description,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static CourseView of(Course c, Map<Long, String> communityNames) {
    return new CourseView(
        c.id(),
        c.title(),
        c.kind(),
        c.provider(),
        c.startsOn(),
        c.endsOn(),
        c.place(),
        c.communityId(),
        c.communityId() == null ? null : communityNames.get(c.communityId()),
        c.seats(),
        c.seatsTaken(),
        c.seats() - c.seatsTaken(),
        c.licence(),
        c.description(),
        c.version(),
        c.createdAt(),
        c.updatedAt());
  }
}
