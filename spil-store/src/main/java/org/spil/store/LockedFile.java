package org.spil.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small file that processes and threads read and append under one exclusive hold: a monitor per
 * path within this process (file locks may not overlap within one), a file lock across processes.
 * Created owner-only with its directories. The hit ledger and the notices use it.
 */
final class LockedFile {
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  /** What to do with the file while it is held. */
  interface Work<T> {
    T on(FileChannel channel) throws IOException;
  }

  private LockedFile() {}

  static <T> T with(Path file, Work<T> work) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    synchronized (MONITORS.computeIfAbsent(key, k -> new Object())) {
      OwnerOnly.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        try {
          Files.createFile(file, OwnerOnly.file());
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: fine, it is owner-only too
        }
      }
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (!lock.isValid()) {
          throw new IOException("lost the lock on " + file);
        }
        return work.on(channel);
      }
    }
  }

  /** The whole content of a held file, as UTF-8. */
  static String read(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("file too large: " + size + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    channel.position(0);
    int n = 0;
    while (buf.hasRemaining() && n >= 0) {
      n = channel.read(buf);
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  /** Appends UTF-8 text to a held file, durably. */
  static void append(FileChannel channel, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    channel.position(channel.size());
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }
}
