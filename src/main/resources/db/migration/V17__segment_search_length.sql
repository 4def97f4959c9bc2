-- A moment's length for BM25 is the number of tokens its search vector holds (every
-- position of every lexeme). Counted from the vector, by unnesting it, for every
-- paragraph of a result page that holds a query word, it was a third of that page's
-- cost (BENCHMARKS.md, "Run G"). The paragraphs now keep it beside their vector.
create function archive_search_length(v tsvector) returns integer
    language sql immutable strict parallel safe
return (select coalesce(sum(coalesce(cardinality(u.positions), 1)), 0)::integer from unnest(v) u);

-- A generated column cannot read another (search_vector), so it analyses the text the
-- same way: setweight changes no position, so the count is the vector's.
alter table transcript_segment
    add column search_length integer generated always as
        (archive_search_length(to_tsvector('archive_search', archive_search_text(text)))) stored;
