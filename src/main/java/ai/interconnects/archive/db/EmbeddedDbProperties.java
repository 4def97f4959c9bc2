package ai.interconnects.archive.db;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL server the application starts itself when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster lives; kept across restarts
 * @param startTimeout how long to wait for the server to accept connections
 * @param checkInterval how often the application checks that the server still runs, and
 * restarts it when it does not
 * @param binariesDir where the server's programs are unpacked (a directory only this user
 * may read and write, see {@link PrivateBinaries}); unset, {@code <data-dir>-bin} beside
 * the data directory ({@code ./data/postgres-bin})
 */
@ConfigurationProperties("archive.embedded-db")
@Validated
record EmbeddedDbProperties(@DefaultValue("./data/postgres") @NotNull Path dataDir,
		@DefaultValue("60s") @DurationMin(millis = 1) Duration startTimeout,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration checkInterval, Path binariesDir) {

	/** {@link #binariesDir()}, or its default beside the data directory. */
	Path resolvedBinariesDir() {
		if (this.binariesDir != null) {
			return this.binariesDir;
		}
		var data = this.dataDir.toAbsolutePath().normalize();
		return data.resolveSibling(data.getFileName() + "-bin");
	}

}
