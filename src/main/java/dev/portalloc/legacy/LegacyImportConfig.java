package dev.portalloc.legacy;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Import of the old system's {@code port_config.json} at start, under {@code portalloc.import.*}. */
@ConfigMapping(prefix = "portalloc.import")
public interface LegacyImportConfig {

    /** File to import at every start; unset means no import at start. Re-importing the same file changes nothing. */
    Optional<Path> file();

    /** Treatment of conflicting entries at start: reject the file and stop, or reassign the contenders. */
    @WithDefault("reject")
    OnConflict onConflict();
}
