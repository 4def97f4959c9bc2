package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The months the archive has episodes in, for the search page's date filters. */
@Repository
@Transactional(readOnly = true)
class MonthsRepository {

	private final JdbcClient jdbc;

	MonthsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first; publication times are read in UTC, as the filters apply them. */
	List<YearMonth> months() {
		return this.jdbc.sql("""
				select distinct (date_trunc('month', published_at at time zone 'UTC'))::date as month
				from episode where published_at is not null order by month desc""")
			.query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
			.list();
	}

}
