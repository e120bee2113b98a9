package dev.portalloc.devdb;

import java.util.List;

import org.eclipse.microprofile.config.spi.ConfigSource;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import io.smallrye.config.ConfigSourceContext;

/**
 * Replaces the factory's method in the native image with one that supplies no config source. The native executable runs
 * the prod profile, which names no launcher, so the factory would supply nothing there anyway; the substitution makes
 * this certain at build time, so native-image never reaches {@link EmbeddedDatabaseHolder}, the launcher or the zonky
 * classes, none of which the native build contains. The JVM never loads this class.
 */
@TargetClass(EmbeddedDatabaseConfigSourceFactory.class)
final class Target_EmbeddedDatabaseConfigSourceFactory {

    @Substitute
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of();
    }
}
