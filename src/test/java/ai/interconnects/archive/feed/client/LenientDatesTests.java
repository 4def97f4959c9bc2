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
		assertThat(LenientDates.parse("5 Feb 14 18:00 GMT").warning()).contains("two-digit year");
		assertThat(at("5 Feb 14 18:00 GMT")).isEqualTo(Instant.parse("2014-02-05T18:00:00Z"));
		assertThat(LenientDates.parse("5 Feb 2014 18:00 XYZ").warning()).contains("unknown time zone 'XYZ'");
		assertThat(LenientDates.parse("2014-02-05").warning()).contains("midnight assumed").contains("UTC assumed");
	}

	@Test
	void datesThatDoNotExistAreKeptAsWrittenNeverRolledOver() {
		assertThat(LenientDates.parse("Thu, 118 Jun 2015 10:00:00 GMT")).satisfies((result) -> {
			assertThat(result.instant()).isNull();
			assertThat(result.impossible()).isTrue();
			assertThat(result.warning()).isEqualTo("The publication date 'Thu, 118 Jun 2015 10:00:00 GMT' does not"
					+ " exist (day 118 of June 2015); it is kept as written and the episode has no date");
		});
		assertThat(LenientDates.parse("Mon, 21 Sep 2015 15:12:352 +0000").warning()).contains("(second 352)");
		assertThat(LenientDates.parse("Tue, 22 Sep 2015 09:00:00 -4500").warning())
			.contains("(no place is -4500 from UTC)");
		assertThat(LenientDates.parse("Wed, 05 Feb 2014 18:00:00 -3000").instant()).isNull();
		assertThat(LenientDates.parse("31 Feb 2014 10:00 GMT").warning()).contains("(day 31 of February 2014)");
		assertThat(LenientDates.parse("2015-13-01T10:00:00Z").warning()).contains("(month 13)");
		assertThat(LenientDates.parse("5 Feb 2014 25:10 GMT").warning()).contains("(hour 25)");
		assertThat(LenientDates.parse("5 Feb 2014 13:10 PM GMT").warning()).contains("(hour 13 PM)");
		assertThat(LenientDates.parse("5 Feb 2014 13:61 GMT").warning()).contains("(minute 61)");
		assertThat(at("29 Feb 2016 10:00 GMT")).isEqualTo(Instant.parse("2016-02-29T10:00:00Z"));
		assertThat(at("30 Jun 2015 23:59:60 GMT")).isEqualTo(Instant.parse("2015-06-30T23:59:59Z"));
	}

	@Test
	void unreadableDatesAreReportedNotGuessed() {
		var result = LenientDates.parse("sometime last spring");
		assertThat(result.instant()).isNull();
		assertThat(result.impossible()).isFalse();
		assertThat(result.warning()).contains("could not be read");
		assertThat(LenientDates.parse("soon").instant()).isNull();
		assertThat(LenientDates.parse(null)).isEqualTo(new LenientDates.Result(null, null));
	}

}
