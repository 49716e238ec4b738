package hongniang.postings;

import hongniang.screening.Finding;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What screening found in texts: whether any finding blocks, and every finding. */
@Serdeable
public record ScreenView(boolean blocking, List<Finding> findings) {}
