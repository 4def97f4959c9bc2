package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ai.interconnects.archive.web.ArchiveStamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The months the archive has episodes in, for the search page's date filters: every
 * search page shows them, and they change only when episodes do, so they are read once
 * per state of the archive (its {@link ArchiveStamp}, which the request has read
 * already).
 */
@Repository
@Transactional(readOnly = true)
class MonthsRepository {

	private final JdbcClient jdbc;

	private final PerArchiveState<List<YearMonth>> months;

	MonthsRepository(JdbcClient jdbc, ArchiveStamp stamps) {
		this.jdbc = jdbc;
		this.months = new PerArchiveState<>(stamps);
	}

	/** Newest first; publication times are read in UTC, as the filters apply them. */
	List<YearMonth> months() {
		return this.months.get(null,
				() -> List.copyOf(this.jdbc.sql("""
						select distinct (date_trunc('month', published_at at time zone 'UTC'))::date as month
						from episode where published_at is not null order by month desc""")
					.query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
					.list()));
	}

}
