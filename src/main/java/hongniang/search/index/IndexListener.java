package hongniang.search.index;

/**
 * Told by the {@link Indexer} what happens to the index, on its threads; what reads PostgreSQL
 * after a change (the suggestions) follows it from here.
 */
public interface IndexListener {

  /** The index is open and has caught up with the outbox. */
  void opened();

  /** Some changes were applied and are searchable; the indexer's thread must not be held up. */
  void applied(int changes);

  /** About once a second on the committer's thread: slow follow-ups go here. */
  void idle();
}
