package io.tunestream.training.data;

import java.nio.file.Path;
import java.util.Objects;

/** Where a dataset comes from: the bundled digits, a CSV file with a named label column, or IDX files. */
public sealed interface DatasetSource {

    /** A stable key: two equal sources load the same data (used to cache loaded datasets). */
    String key();

    /**
     * The UCI optical recognition of handwritten digits test set as shipped by scikit-learn (1797
     * 8x8 images, 10 classes), bundled in this module; see {@code digits-NOTICE.txt} for its origin.
     */
    record Digits() implements DatasetSource {
        @Override
        public String key() {
            return "digits";
        }
    }

    /** A CSV file with a header row; {@code labelColumn} names the class column, every other column is a numeric feature. */
    record Csv(Path path, String labelColumn) implements DatasetSource {
        public Csv {
            Objects.requireNonNull(path, "path");
            if (labelColumn == null || labelColumn.isBlank()) {
                throw new IllegalArgumentException("labelColumn must not be blank");
            }
        }

        @Override
        public String key() {
            return "csv:" + path.toAbsolutePath().normalize() + "#" + labelColumn;
        }
    }

    /** An IDX image file (magic 0x803, unsigned bytes) and its IDX label file (0x801), optionally gzipped (MNIST, Fashion-MNIST). */
    record Idx(Path images, Path labels) implements DatasetSource {
        public Idx {
            Objects.requireNonNull(images, "images");
            Objects.requireNonNull(labels, "labels");
        }

        @Override
        public String key() {
            return "idx:" + images.toAbsolutePath().normalize() + "#" + labels.toAbsolutePath().normalize();
        }
    }
}
