package hongniang.vocabulary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A local name: an alias of a listed name ({@code aliasOf}) or of an occupation code ({@code
 * code}), or a local occupation of its own in a listed group ({@code group}); exactly one of the
 * three.
 */
@Serdeable
public record LocalNameRequest(
    @NotBlank @Size(max = 30) String name,
    @Nullable @Size(max = 30) String aliasOf,
    @Nullable @Size(max = 40) String code,
    @Nullable @Size(max = 40) String group,
    @Nullable @Size(max = 200) String note) {}
