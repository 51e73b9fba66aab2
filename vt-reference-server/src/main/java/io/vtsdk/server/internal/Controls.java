package io.vtsdk.server.internal;

import io.vtsdk.server.Fault;
import io.vtsdk.server.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Faults to inject and the bounded journal of calls. Thread-safe (synchronized; test traffic). Not API. */
public final class Controls {
  private static final class Armed {
    final Fault fault;
    int remaining;

    Armed(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }
  }

  private final List<Armed> faults = new ArrayList<>();
  private final Deque<JournalEntry> journal = new ArrayDeque<>();
  private final int journalCapacity;

  public Controls(int journalCapacity) {
    this.journalCapacity = journalCapacity;
  }

  public synchronized void add(Fault f) {
    faults.add(new Armed(f));
  }

  public synchronized void clearFaults() {
    faults.clear();
  }

  public synchronized List<Fault> faults() {
    return faults.stream().map(a -> a.fault).toList();
  }

  /** The first matching fault, consuming one of its uses. */
  synchronized Fault take(String method, String template, String path) {
    for (int i = 0; i < faults.size(); i++) {
      Armed a = faults.get(i);
      if (a.fault.matches(method, template, path)) {
        if (a.remaining > 0 && --a.remaining == 0) {
          faults.remove(i);
        }
        return a.fault;
      }
    }
    return null;
  }

  public synchronized void record(JournalEntry e) {
    if (journal.size() == journalCapacity) {
      journal.removeFirst();
    }
    journal.addLast(e);
  }

  public synchronized List<JournalEntry> journal() {
    return List.copyOf(journal);
  }

  public synchronized void clearJournal() {
    journal.clear();
  }
}
