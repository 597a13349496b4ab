package io.tunestream.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Key material for a TLS broker, made at test time with the JDK's own {@code keytool} and
 * {@link KeyStore}, so that no key, certificate or password is ever committed: a self-signed CA, a
 * broker certificate it signed for {@code localhost} / {@code 127.0.0.1} (what the clients' default
 * host-name verification checks), optionally a client certificate it signed (mutual TLS), and a
 * truststore holding the CA. All stores are PKCS12 with one random password per cluster.
 *
 * <p>keytool signs the certificates (the JDK has no public API for that); the chains and the
 * truststore are assembled in-process with {@link KeyStore}, which saves a keytool start (a JVM each)
 * per step. Passwords reach keytool through its environment ({@code -storepass:env}), never its
 * command line.
 */
final class TestCertificates {

    private static final String STORE_TYPE = "PKCS12";
    private static final String PASSWORD_VARIABLE = "TUNESTREAM_TEST_STOREPASS";
    private static final String VALIDITY_DAYS = "7";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private final Path truststore;
    private final Path brokerKeystore;
    private final Optional<Path> clientKeystore;
    private final String password;

    private TestCertificates(Path truststore, Path brokerKeystore, Optional<Path> clientKeystore, String password) {
        this.truststore = truststore;
        this.brokerKeystore = brokerKeystore;
        this.clientKeystore = clientKeystore;
        this.password = password;
    }

    /** Creates the CA, the broker's (and, with {@code clientCertificate}, a client's) keystore and the truststore in {@code directory}. */
    static TestCertificates generate(Path directory, boolean clientCertificate) {
        var password = randomPassword();
        try {
            Files.createDirectories(directory);
            var keytool = new Keytool(directory, password);
            var ca = directory.resolve("ca.p12");
            keytool.run("-genkeypair", "-alias", "ca", "-keystore", ca.toString(), "-dname", "CN=Tunestream test CA",
                    "-ext", "bc:c", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS);
            var caCertificate = load(ca, password).getCertificate("ca");
            var broker = keytool.signed(ca, "broker", "CN=localhost", List.of("-ext", "SAN=dns:localhost,ip:127.0.0.1"));
            var brokerKeystore = directory.resolve("broker-keystore.p12");
            writeKeyStore(brokerKeystore, password, Map.of("broker", broker.chain(caCertificate)), Optional.empty());
            Optional<Path> clientKeystore = Optional.empty();
            if (clientCertificate) {
                var client = keytool.signed(ca, "client", "CN=tunestream-client", List.of());
                var path = directory.resolve("client-keystore.p12");
                writeKeyStore(path, password, Map.of("client", client.chain(caCertificate)), Optional.empty());
                clientKeystore = Optional.of(path);
            }
            var truststore = directory.resolve("truststore.p12");
            writeKeyStore(truststore, password, Map.of(), Optional.of(caCertificate));
            return new TestCertificates(truststore, brokerKeystore, clientKeystore, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test TLS certificates could not be made in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The broker's side: its keystore, the truststore (for client certificates and inter-broker TLS), and whether clients must present a certificate. */
    Map<String, String> brokerSettings() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("ssl.keystore.location", brokerKeystore.toString());
        settings.put("ssl.keystore.password", password);
        settings.put("ssl.key.password", password);
        settings.put("ssl.keystore.type", STORE_TYPE);
        settings.put("ssl.truststore.location", truststore.toString());
        settings.put("ssl.truststore.password", password);
        settings.put("ssl.truststore.type", STORE_TYPE);
        settings.put("ssl.client.auth", clientKeystore.isPresent() ? "required" : "none");
        return settings;
    }

    /** A client's side: SSL, the truststore, and with mutual TLS the client's keystore. */
    Map<String, String> clientSettings() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("security.protocol", "SSL");
        settings.put("ssl.truststore.location", truststore.toString());
        settings.put("ssl.truststore.password", password);
        settings.put("ssl.truststore.type", STORE_TYPE);
        clientKeystore.ifPresent(keystore -> {
            settings.put("ssl.keystore.location", keystore.toString());
            settings.put("ssl.keystore.password", password);
            settings.put("ssl.key.password", password);
            settings.put("ssl.keystore.type", STORE_TYPE);
        });
        return Map.copyOf(settings);
    }

    private static String randomPassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
        var store = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void writeKeyStore(Path path, String password, Map<String, KeyEntry> keys, Optional<Certificate> trusted)
            throws IOException, GeneralSecurityException {
        var store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        for (var entry : keys.entrySet()) {
            store.setKeyEntry(entry.getKey(), entry.getValue().key(), password.toCharArray(), entry.getValue().chain());
        }
        if (trusted.isPresent()) {
            store.setCertificateEntry("ca", trusted.get());
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
    }

    private record KeyEntry(PrivateKey key, Certificate[] chain) {
    }

    /** A private key and the certificate the CA signed for it, not yet joined to the CA's certificate. */
    private record Signed(PrivateKey key, Certificate certificate) {
        KeyEntry chain(Certificate caCertificate) {
            return new KeyEntry(key, new Certificate[] {certificate, caCertificate});
        }
    }

    /** Runs {@code $JAVA_HOME/bin/keytool} with the store password in its environment. */
    private static final class Keytool {
        private final Path directory;
        private final String password;
        private final Path executable;

        Keytool(Path directory, String password) {
            this.directory = directory;
            this.password = password;
            this.executable = Path.of(System.getProperty("java.home"), "bin", "keytool");
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("keytool not found at " + executable + ": the embedded TLS broker needs a full JDK");
            }
        }

        /** A new key pair {@code alias} and its certificate signed by the CA in {@code ca}, with extra keytool options for it (e.g. a SAN extension). */
        Signed signed(Path ca, String alias, String distinguishedName, List<String> signingOptions) throws IOException, GeneralSecurityException {
            var keystore = directory.resolve(alias + ".p12");
            var request = directory.resolve(alias + ".csr");
            var certificate = directory.resolve(alias + ".pem");
            run("-genkeypair", "-alias", alias, "-keystore", keystore.toString(), "-dname", distinguishedName,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS);
            run("-certreq", "-alias", alias, "-keystore", keystore.toString(), "-file", request.toString());
            var sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(),
                    "-outfile", certificate.toString(), "-rfc", "-validity", VALIDITY_DAYS));
            sign.addAll(signingOptions);
            run(sign.toArray(String[]::new));
            var key = (PrivateKey) load(keystore, password).getKey(alias, password.toCharArray());
            try (InputStream in = Files.newInputStream(certificate)) {
                return new Signed(key, CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
        }

        void run(String... arguments) throws IOException {
            var command = new ArrayList<String>();
            command.add(executable.toString());
            command.addAll(List.of(arguments));
            command.addAll(List.of("-storetype", STORE_TYPE, "-storepass:env", PASSWORD_VARIABLE, "-noprompt"));
            var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().put(PASSWORD_VARIABLE, password);
            var process = builder.start();
            try {
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("keytool " + arguments[0] + " did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IOException("keytool " + arguments[0] + " failed (exit " + process.exitValue() + "): " + output.strip());
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while keytool " + arguments[0] + " ran", e);
            }
        }
    }
}
