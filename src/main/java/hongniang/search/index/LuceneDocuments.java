package hongniang.search.index;

import static hongniang.search.index.IndexSchema.*;

import hongniang.documents.JobseekerDocument;
import hongniang.documents.PostingDocument;
import hongniang.documents.Resolution;
import hongniang.matching.Jobseeker;
import hongniang.matching.MatchKeys;
import hongniang.matching.Posting;
import hongniang.matching.ranking.JobseekerColumns;
import hongniang.matching.ranking.PostingColumns;
import hongniang.search.analysis.Analysis;
import hongniang.search.analysis.PinyinFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns rows into Lucene documents; each field's comment says why it is shaped so. */
public final class LuceneDocuments {

  /**
   * Searchable, stored text with offsets in the postings: the highlighter then reads match
   * positions from the index instead of running smartcn over every hit again.
   */
  private static final FieldType SNIPPET_TEXT = snippetText(false);

  /**
   * A resident's skills and wishes are lists, not prose: without length norms a resident with six
   * skills is not ranked below one with two for the same skill, and equal matches score equally, so
   * a search can stop once it has a page of the best (ties go newest first, the index order).
   */
  private static final FieldType LIST_TEXT = snippetText(true);

  /** Words only to match on: no positions, frequencies, norms or stored value. */
  private static final FieldType MATCH_TEXT = matchText();

  private static FieldType matchText() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType snippetText(boolean omitNorms) {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.setOmitNorms(omitNorms);
    type.freeze();
    return type;
  }

  private static Field text(String name, String value) {
    return new Field(name, value, SNIPPET_TEXT);
  }

  private static Field list(String name, List<String> values) {
    return new Field(name, String.join(" ", values), LIST_TEXT);
  }

  private final PinyinFields pinyin;
  private final Resolution records;
  private final FacetsConfig facets = IndexSchema.facets();

  /** Documents analysed as {@code analysis} says, their matching features as {@code records}. */
  public LuceneDocuments(Analysis analysis, Resolution records) {
    this.pinyin = analysis.pinyin();
    this.records = records;
  }

  /** The posting document: text to search, exact fields to filter, facets and stored display. */
  public Document posting(PostingDocument r) {
    Document d = new Document();
    // KeywordField: exact id for updateDocument(term) and deletes, stored for the hit
    d.add(new KeywordField(ID, Long.toString(r.id()), Field.Store.YES));
    d.add(new KeywordField(UNIT, Long.toString(r.unitId()), Field.Store.YES));
    d.add(new StoredField(UNIT_NAME, r.unitName()));
    // text fields are stored for highlighted snippets
    d.add(text(TITLE, r.title()));
    d.add(text(OCCUPATION, r.occupation()));
    d.add(text(SKILLS, String.join(" ", r.skills())));
    if (r.description() != null) {
      d.add(text(DESCRIPTION, r.description()));
    }
    // pinyin companions (title_py, title_pyi, ...): baojie and bj find 保洁员
    Set<String> pinyinTerms = new LinkedHashSet<>();
    pinyin.addTo(d, TITLE, r.title(), pinyinTerms);
    bigrams(d, TITLE, r.title());
    bigrams(d, OCCUPATION, r.occupation());
    bigrams(d, SKILLS, String.join(" ", r.skills()));
    pinyin.addTo(d, OCCUPATION, r.occupation(), pinyinTerms);
    r.skills().forEach(skill -> pinyin.addTo(d, SKILLS, skill, pinyinTerms));
    // what the words pass of a search matches on, in one field (IndexSchema.MATCH)
    d.add(new Field(MATCH, r.title(), MATCH_TEXT));
    d.add(new Field(MATCH, r.occupation(), MATCH_TEXT));
    d.add(new Field(MATCH, String.join(" ", r.skills()), MATCH_TEXT));
    pinyinTerms.forEach(t -> d.add(new StringField(MATCH, t, Field.Store.NO)));
    // a name the list does not hold counts under the group of the name it is read as
    String group = records.facetGroup(r.occupation());
    d.add(new KeywordField(GROUP, group, Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(GROUP, group));
    String community = r.communityId() == null ? NO_COMMUNITY : Long.toString(r.communityId());
    d.add(new KeywordField(COMMUNITY, community, Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(COMMUNITY, community));
    d.add(new StringField(OUTSIDE, Boolean.toString(r.communityId() == null), Field.Store.NO));
    d.add(new KeywordField(CITY, r.city(), Field.Store.YES));
    d.add(new KeywordField(SCHEDULE, r.schedule(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(SCHEDULE, r.schedule()));
    // IntField: points for the range filter, doc values for sorting by wage
    d.add(new IntField(WAGE_MIN, r.wageMin(), Field.Store.YES));
    d.add(new IntField(WAGE_MAX, r.wageMax(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(WAGE_BAND, IndexSchema.wageBand(r.wageMax())));
    flag(d, PUBLIC_WELFARE, r.publicWelfare());
    flag(d, ACCOMMODATION, r.accommodation());
    flag(d, DISABILITY_FRIENDLY, r.disabilityFriendly());
    for (String licence : r.licences()) {
      d.add(new KeywordField(LICENCE, licence, Field.Store.YES));
    }
    // dates as epoch days: a range filter against today hides a posting the day its own validity
    // or its unit's agreement ends, with no reindex
    d.add(new LongField(VALID_THROUGH, r.validThrough().toEpochDay(), Field.Store.YES));
    long until = r.agreementUntil() == null ? Long.MIN_VALUE : r.agreementUntil().toEpochDay();
    d.add(new LongField(AGREEMENT_UNTIL, until, Field.Store.NO));
    d.add(new LongField(CREATED, r.createdAt().toEpochMilli(), Field.Store.NO));
    // matching: keys and features of the very record the scorer sees (MatchRecords)
    Posting posting = records.posting(r);
    matching(d, MatchKeys.of(posting), PostingColumns.encode(posting));
    d.add(new IntField(REMAINING, r.headcount() - r.filledCount(), Field.Store.YES));
    if (r.wageNote() != null) {
      d.add(new StoredField(WAGE_NOTE, r.wageNote()));
    }
    ShownValues.addTo(d, POSTING_COPIED);
    return build(d);
  }

  /** The jobseeker document: skills and wishes to search; no ID number, no phone. */
  public Document jobseeker(JobseekerDocument r) {
    Document d = new Document();
    d.add(new KeywordField(ID, Long.toString(r.id()), Field.Store.YES));
    // the name is shown in staff result lists but never searched: StoredField only
    d.add(new StoredField("name", r.name()));
    d.add(new StoredField("gender", r.gender()));
    d.add(list(SKILLS, r.skills()));
    d.add(list(DESIRED, r.desiredOccupations()));
    // the lists themselves, for the hit (the joined text fields serve search and snippets)
    r.skills().forEach(s -> d.add(new StoredField("skill_item", s)));
    r.desiredOccupations().forEach(s -> d.add(new StoredField("desired_item", s)));
    if (r.experience() != null) {
      d.add(text(EXPERIENCE, r.experience()));
    }
    r.skills().forEach(skill -> pinyin.addTo(d, SKILLS, skill));
    r.desiredOccupations().forEach(o -> pinyin.addTo(d, DESIRED, o));
    bigrams(d, SKILLS, String.join(" ", r.skills()));
    bigrams(d, DESIRED, String.join(" ", r.desiredOccupations()));
    Set<String> groups = new LinkedHashSet<>();
    for (String occupation : r.desiredOccupations()) {
      String group = records.facetGroup(occupation);
      if (!Resolution.OTHER_GROUP.equals(group)) {
        groups.add(group);
      }
    }
    for (String group : groups) {
      d.add(new KeywordField(GROUP, group, Field.Store.YES));
    }
    String community = Long.toString(r.communityId());
    d.add(new KeywordField(COMMUNITY, community, Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(COMMUNITY, community));
    d.add(new KeywordField(STATUS, r.status(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(STATUS, r.status()));
    for (String category : r.categories()) {
      d.add(new KeywordField(CATEGORY, category, Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(CATEGORY, category));
    }
    // an empty list means any schedule: index all four so a schedule filter is one term query
    List<String> schedules =
        r.schedules().isEmpty()
            ? List.of("FULL_TIME", "PART_TIME", "FLEXIBLE", "SHIFT")
            : r.schedules();
    for (String schedule : schedules) {
      d.add(new KeywordField(SCHEDULE, schedule, Field.Store.YES));
    }
    d.add(new IntField(EDUCATION, educationRank(r.education()), Field.Store.NO));
    d.add(new StoredField("education_name", r.education()));
    d.add(new IntField(MIN_WAGE, r.minWage() == null ? 0 : r.minWage(), Field.Store.YES));
    flag(d, WILLING_OUTSIDE, r.willingOutside());
    for (String licence : r.licences()) {
      d.add(new KeywordField(LICENCE, licence, Field.Store.YES));
    }
    d.add(new IntField(BIRTH_YEAR, r.birthYear(), Field.Store.YES));
    // matching: keys and features of the very record the scorer sees (MatchRecords)
    Jobseeker jobseeker = records.jobseeker(r);
    matching(d, MatchKeys.of(jobseeker), JobseekerColumns.encode(jobseeker));
    if (!r.schedules().isEmpty()) {
      d.add(new StringField(FIRST_SCHEDULE, r.schedules().get(0), Field.Store.NO));
    }
    if (r.unemployedSince() != null) {
      d.add(new LongField(UNEMPLOYED_SINCE, r.unemployedSince().toEpochDay(), Field.Store.NO));
    }
    d.add(new LongField(UPDATED, r.updatedAt().toEpochMilli(), Field.Store.NO));
    return build(d);
  }

  private Document build(Document d) {
    try {
      return facets.build(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keys as terms with sorted-set doc values (KeywordField): the terms let a search walk the
   * documents with a key, the doc values give each segment's documents their keys as numbers.
   */
  private static void matching(Document d, List<String> keys, byte[] features) {
    keys.forEach(k -> d.add(new KeywordField(MATCH_KEY, k, Field.Store.NO)));
    d.add(new BinaryDocValuesField(MATCH_FEATURES, new BytesRef(features)));
  }

  /** Character pairs of a short text, matched as a phrase when word matching misses. */
  private static void bigrams(Document d, String field, String text) {
    d.add(new TextField(IndexSchema.bigrams(field), text, Field.Store.NO));
  }

  private static void flag(Document d, String field, boolean on) {
    d.add(new StringField(field, on ? "1" : "0", Field.Store.YES));
  }

  /** Education levels compare by their order in {@link hongniang.common.Education}. */
  public static int educationRank(String education) {
    try {
      return hongniang.common.Education.valueOf(education).ordinal();
    } catch (IllegalArgumentException | NullPointerException e) {
      return 0;
    }
  }
}
