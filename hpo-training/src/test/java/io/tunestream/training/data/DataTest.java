package io.tunestream.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets, stratified splits and folds, and standardization fitted on training rows only. */
class DataTest {

    @TempDir
    Path dir;

    private static Set<Integer> set(int[] rows) {
        return Arrays.stream(rows).boxed().collect(Collectors.toSet());
    }

    @Test
    void theBundledDigitsAreTheUciTestSet() throws IOException {
        var digits = DatasetLoader.digits();
        assertThat(digits.rows()).isEqualTo(1797);
        assertThat(digits.features()).isEqualTo(64);
        assertThat(digits.classes()).isEqualTo(10);
        assertThat(digits.classCounts()).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
        assertThat(digits.label(0)).isZero();
        assertThat(digits.value(0, 2)).isEqualTo(5f);
        assertThat(DataTest.class.getResource("/io/tunestream/training/data/digits-NOTICE.txt")).as("attribution next to the data").isNotNull();
    }

    @Test
    void aStratifiedSplitKeepsClassProportionsAndDependsOnlyOnTheSeed() throws IOException {
        var digits = DatasetLoader.digits();
        var split = Splits.stratified(digits, 0.2, 0.2, 7);
        assertThat(split.train().length + split.validation().length + split.test().length).isEqualTo(1797);
        assertThat(set(split.train())).doesNotContainAnyElementsOf(set(split.test())).doesNotContainAnyElementsOf(set(split.validation()));
        int[] testCounts = new int[10];
        for (int row : split.test()) {
            testCounts[digits.label(row)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertThat(testCounts[c]).isEqualTo((int) Math.round(digits.classCounts()[c] * 0.2));
        }
        assertThat(Splits.stratified(digits, 0.2, 0.2, 7).test()).isEqualTo(split.test());
        assertThat(Splits.stratified(digits, 0.2, 0.2, 8).test()).isNotEqualTo(split.test());
    }

    @Test
    void foldsPartitionTheRowsAndEachValidatesOnItsOwn() throws IOException {
        var digits = DatasetLoader.digits();
        var pool = Splits.stratified(digits, 0.0, 0.2, 1).trainAndValidation();
        var folds = Splits.stratifiedFolds(digits, pool, 5, 1);
        assertThat(folds).hasSize(5);
        var validated = new HashSet<Integer>();
        for (var fold : folds) {
            assertThat(set(fold.train())).doesNotContainAnyElementsOf(set(fold.validation()));
            assertThat(fold.train().length + fold.validation().length).isEqualTo(pool.length);
            assertThat(validated.addAll(set(fold.validation()))).isTrue();
        }
        assertThat(validated).isEqualTo(set(pool));
        assertThatThrownBy(() -> Splits.stratifiedFolds(digits, pool, 1, 1)).hasMessage("k must be >= 2, but was 1");
    }

    @Test
    void standardizationIsFittedOnTheTrainingRowsOnly() {
        // Feature 0 is 0..3 on the training rows and 1000 on the held-out row.
        float[] values = {0, 1, 1, 1, 2, 1, 3, 1, 1000, 1};
        var data = new Dataset("toy", values, new int[] {0, 1, 0, 1, 0}, 2, 2);
        int[] train = {0, 1, 2, 3};
        var standardizer = Standardizer.fit(data, train);
        assertThat(standardizer.means()).containsExactly(1.5f, 1f);
        float[] z = standardizer.transform(data, train);
        assertThat(z[0] + z[2] + z[4] + z[6]).isZero();
        assertThat(z[1]).as("a constant feature becomes 0, not NaN").isZero();
        assertThat(standardizer.transform(data, new int[] {4})[0]).isGreaterThan(100);
    }

    @Test
    void csvFilesAreReadByPathWithANamedLabelColumn() throws IOException {
        Path csv = dir.resolve("iris.csv");
        Files.writeString(csv, "sepal,species,petal\n1.0,setosa,0.2\n1.5,virginica,2.0\n1.1,\"setosa\",0.3\n");
        var data = DatasetLoader.csv(csv, "species");
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.features()).isEqualTo(2);
        assertThat(data.labels()).containsExactly(0, 1, 0);
        assertThat(data.value(1, 1)).isEqualTo(2.0f);
        assertThatThrownBy(() -> DatasetLoader.csv(csv, "kind")).hasMessage(csv + " has no column named \"kind\" (columns: sepal, species, petal)");
        Files.writeString(csv, "a,y\n1,0\nx,1\n");
        assertThatThrownBy(() -> DatasetLoader.csv(csv, "y")).hasMessage(csv + " line 3 column a must be a number, but was \"x\"");
    }

    @Test
    void idxFilesAreReadGzippedOrNot() throws IOException {
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte");
        try (var out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x803);
            out.writeInt(3);
            out.writeInt(2);
            out.writeInt(2);
            out.write(new byte[] {0, (byte) 255, 0, 0, 1, 2, 3, 4, (byte) 128, 0, 0, 0});
        }
        try (var out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x801);
            out.writeInt(3);
            out.write(new byte[] {2, 0, 1});
        }
        var data = DatasetLoader.idx(images, labels);
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.features()).isEqualTo(4);
        assertThat(data.classes()).isEqualTo(3);
        assertThat(data.value(0, 1)).isEqualTo(1f);
        assertThat(data.labels()).containsExactly(2, 0, 1);
        assertThatThrownBy(() -> DatasetLoader.idx(labels, labels)).hasMessageContaining("is not an IDX image file");
    }

    @Test
    void theLoaderKeepsADatasetOnceLoaded() throws IOException {
        var loader = new DatasetLoader();
        assertThat(loader.load(new DatasetSource.Digits())).isSameAs(loader.load(new DatasetSource.Digits()));
    }
}
