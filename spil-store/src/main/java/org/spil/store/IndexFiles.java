package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The files of one derived Lucene index of a data directory (the entity index, the message index):
 * the searcher manager reads share, opened on first use and refreshed to the latest commit, and the
 * user data of that commit (how far the index has caught up, its format). Closed with the store.
 */
final class IndexFiles implements AutoCloseable {
  private final Path dir;
  private final String what;
  private FSDirectory directory;
  private SearcherManager searchers;

  /** The index in {@code dir}; {@code what} names it in errors ("search index"). */
  IndexFiles(Path dir, String what) {
    this.dir = dir;
    this.what = what;
  }

  Path dir() {
    return dir;
  }

  /** The shared searcher manager, refreshed to the latest commit; null when there is no index. */
  synchronized SearcherManager searchers() throws IOException {
    if (searchers == null) {
      if (directory == null) {
        if (!Files.isDirectory(dir)) {
          return null;
        }
        directory = FSDirectory.open(dir);
      }
      if (!DirectoryReader.indexExists(directory)) {
        return null;
      }
      searchers = new SearcherManager(directory, null);
    } else {
      searchers.maybeRefreshBlocking();
    }
    return searchers;
  }

  /** The user data of the latest commit; empty when there is no index. */
  Map<String, String> commitData() {
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return Map.of();
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        return r.getIndexCommit().getUserData();
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + what + " " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      throw new StoreException("cannot close " + what + " " + dir + ": " + e.getMessage(), e);
    } finally {
      searchers = null;
      directory = null;
    }
  }
}
