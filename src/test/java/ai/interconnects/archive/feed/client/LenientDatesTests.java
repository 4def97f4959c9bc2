package ai.interconnects.archive.feed.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LenientDatesTests {

	private static Instant at(String raw) {
		return LenientDates.parse(raw).instant();
	}

	@Test
	void shapesSeenInRealFeedsAreRead() {
		assertThat(at("Tue 11 Jan 2011 01:30:00 GMT")).isEqualTo(Instant.parse("2011-01-11T01:30:00Z"));
		assertThat(at("Thurs, 18 Jun 2009 21:16:13 CST")).isEqualTo(Instant.parse("2009-06-19T03:16:13Z"));
		assertThat(at("Tuesday, 2 June 2020 9:05 PM EDT")).isEqualTo(Instant.parse("2020-06-03T01:05:00Z"));
		assertThat(at("02 Jun 2020 18:00:00 +0200")).isEqualTo(Instant.parse("2020-06-02T16:00:00Z"));
		assertThat(at("June 2nd, 2020 18:00 GMT+1")).isEqualTo(Instant.parse("2020-06-02T17:00:00Z"));
		assertThat(at("2020-06-02 18:00:00 +01:00")).isEqualTo(Instant.parse("2020-06-02T17:00:00Z"));
		assertThat(at("2020/06/02T18:00Z")).isEqualTo(Instant.parse("2020-06-02T18:00:00Z"));
		assertThat(LenientDates.parse("Tue 11 Jan 2011 01:30:00 GMT").warning()).isNull();
	}

	@Test
	void assumptionsAreReported() {
		assertThat(LenientDates.parse("Wed, 05 Feb 2014 18:00:00 -3000").warning())
			.contains("offset '-3000' is not valid, read as -03:00");
		assertThat(LenientDates.parse("5 Feb 14 18:00 GMT").warning()).contains("two-digit year");
		assertThat(at("5 Feb 14 18:00 GMT")).isEqualTo(Instant.parse("2014-02-05T18:00:00Z"));
		assertThat(LenientDates.parse("5 Feb 2014 18:00 XYZ").warning()).contains("unknown time zone 'XYZ'");
		assertThat(LenientDates.parse("2014-02-05").warning()).contains("midnight assumed").contains("UTC assumed");
	}

	@Test
	void unreadableDatesAreReportedNotGuessed() {
		var result = LenientDates.parse("31 Feb 2014 10:00 GMT");
		assertThat(result.instant()).isNull();
		assertThat(result.warning()).contains("could not be read");
		assertThat(LenientDates.parse("soon").instant()).isNull();
		assertThat(LenientDates.parse(null)).isEqualTo(new LenientDates.Result(null, null));
	}

}
