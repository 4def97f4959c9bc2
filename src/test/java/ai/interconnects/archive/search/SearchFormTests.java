package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchFormTests {

	@Test
	void theMonthOptionsAreWrittenAsTheTemplateWroteThemWithTheChosenOneSelected() {
		var months = List.of(YearMonth.of(2026, 5), YearMonth.of(2026, 3));

		var from = Jsoup.parse("<select>"
				+ SearchForm.optionsHtml(SearchForm.months(months, LocalDate.of(2026, 3, 1), true)) + "</select>");
		var to = Jsoup.parse("<select>"
				+ SearchForm.optionsHtml(SearchForm.months(months, LocalDate.of(2026, 4, 15), false)) + "</select>");

		assertThat(from.select("option").eachAttr("value")).containsExactly("2026-05-01", "2026-03-01");
		assertThat(from.select("option").eachText()).containsExactly("May 2026", "March 2026");
		assertThat(from.select("option[selected]").eachText()).containsExactly("March 2026");
		// a date chosen some other way is an option of its own, first
		assertThat(to.select("option").eachAttr("value")).containsExactly("2026-04-15", "2026-05-31", "2026-03-31");
		assertThat(to.select("option[selected]").eachAttr("value")).containsExactly("2026-04-15");
	}

	@Test
	void anOptionsTextIsEscaped() {
		var html = SearchForm.optionsHtml(List.of(new SearchForm.DateOption("a\"b", "<b>&", false)));

		assertThat(html).isEqualTo("<option value=\"a&quot;b\">&lt;b&gt;&amp;</option>\n");
	}

}
