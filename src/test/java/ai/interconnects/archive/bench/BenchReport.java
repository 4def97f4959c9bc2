package ai.interconnects.archive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Writes the measured figures as Markdown to target/bench-results.md (and stdout). */
final class BenchReport {

	private BenchReport() {
	}

	static void print(List<BenchRun.Result> results, EmbeddedPostgres postgres) throws Exception {
		var out = new StringBuilder();
		out.append("Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores (")
			.append(cpuModel())
			.append("), ")
			.append(memory())
			.append(", Java ")
			.append(System.getProperty("java.version"))
			.append('\n');
		try (var c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
				var rs = c.createStatement().executeQuery("select version()")) {
			rs.next();
			out.append("PostgreSQL: ").append(rs.getString(1)).append("\n\n");
		}
		for (var result : results) {
			out.append(String.format(
					"%s%n%nEpisode page (`/episodes/{slug}`, %,d segments): p50 %.1f ms, p95 %.1f ms "
							+ "(load avg %s); the /search target is p95 <= %.1f ms.%n%n",
					result.app(), result.size().segments(), result.episodePage().p50(), result.episodePage().p95(),
					result.episodeLoad(), 2 * result.episodePage().p95()));
			out.append("| query | request | segments | matching segments | /search p50 | p95 | p99 | p95 / episode p95 "
					+ "| episode p95 in turn | p95 / it | naive ts_rank_cd p50 | speed-up | ILIKE p50 | speed-up | Lucene top-10 p50 | p95 | overlap@10 | load avg |\n");
			out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (var line : result.lines()) {
				out.append(String.format(
						"| %s | `%s` | %,d | %,d | %.1f ms | %.1f ms | %.1f ms | %.2f | %.1f ms | %.2f | %.0f ms | %.0f× | %.0f ms | %.0f× | %.2f ms | %.2f ms | %.0f %% | %s |%n",
						line.query().label(), line.query().shown(), result.size().segments(), line.matchingSegments(),
						line.search().p50(), line.search().p95(), line.search().p99(),
						line.search().p95() / result.episodePage().p95(), line.paired().p95(), line.pairedRatio(),
						line.naive().p50(), line.naive().p50() / line.search().p50(), line.ilike().p50(),
						line.ilike().p50() / line.search().p50(), line.lucene().p50(), line.lucene().p95(),
						100 * line.overlap(), line.load()));
			}
			out.append('\n');
		}
		for (var result : results.stream().filter((r) -> r.app().startsWith("search")).toList()) {
			out.append('\n').append(result.sizes()).append('\n');
			out.append('\n').append(result.ingest()).append('\n');
		}
		System.out.println(out);
		Files.writeString(Path.of("target/bench-results.md"), out);
	}

	private static String cpuModel() throws IOException {
		return Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((l) -> l.startsWith("model name"))
			.map((l) -> l.substring(l.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown CPU");
	}

	private static String memory() throws IOException {
		return Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((l) -> l.startsWith("MemTotal"))
			.map((l) -> (Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024) + " GiB RAM")
			.findFirst()
			.orElse("unknown memory");
	}

}
