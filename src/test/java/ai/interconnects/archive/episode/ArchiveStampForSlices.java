package ai.interconnects.archive.episode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The archive's stamp ({@link EpisodeStamp}) for slices that start the search services
 * without the rest of the application: they keep what changes only with the archive (the
 * host, the months) per stamp.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(EpisodeStamp.class)
public class ArchiveStampForSlices {

}
