package ai.interconnects.archive.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Makes {@link Assets} available to every template as {@code #assets}, e.g.
 * {@code th:href="${#assets.url('/css/archive.css')}"}: error pages and pages of other
 * features get the hashed URLs without any controller putting them in the model (and
 * Thymeleaf does not allow {@code @bean} references in link attributes).
 */
@Component
class AssetsDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "assets";

	private final Assets assets;

	AssetsDialect(Assets assets) {
		super("Archive assets");
		this.assets = assets;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? AssetsDialect.this.assets : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
