#!/usr/bin/env bash
# Regenerates the TLS test material with the JDK's keytool: a test CA, and server keystores for
# 127.0.0.1/localhost (valid), an expired one, and one for the wrong host name; and two self-signed client
# certificates (client authentication) for WinRM certificate auth, one of them also as PEM (openssl for the key).
# Password: changeit.
set -euo pipefail
cd "$(dirname "$0")"
rm -f ca.p12 ca.pem server.p12 expired.p12 wronghost.p12 untrusted.p12 client.p12 other-client.p12 client-*.pem *.csr *.crt
P=changeit
keytool -genkeypair -alias ca -keyalg RSA -keysize 2048 -validity 36500 -dname "CN=hyperv-wsman test CA" \
  -ext bc:c -keystore ca.p12 -storetype PKCS12 -storepass $P
keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass $P > ca.pem
sign() { # name san startdate validity
  keytool -genkeypair -alias server -keyalg RSA -keysize 2048 -validity 36500 -dname "CN=$1" \
    -keystore "$1.p12" -storetype PKCS12 -storepass $P
  keytool -certreq -alias server -keystore "$1.p12" -storepass $P > "$1.csr"
  keytool -gencert -alias ca -keystore ca.p12 -storepass $P -infile "$1.csr" -rfc -ext "san=$2" \
    -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth $3 -validity $4 > "$1.crt"
  keytool -importcert -noprompt -alias ca -file ca.pem -keystore "$1.p12" -storepass $P
  keytool -importcert -noprompt -alias server -file "$1.crt" -keystore "$1.p12" -storepass $P
  rm -f "$1.csr" "$1.crt"
}
sign server "dns:localhost,ip:127.0.0.1" "" 36500
sign expired "dns:localhost,ip:127.0.0.1" "-startdate -30d" 1
sign wronghost "dns:wrong.example" "" 36500
# A server certificate from a CA nobody trusts: self-signed.
keytool -genkeypair -alias server -keyalg RSA -keysize 2048 -validity 36500 -dname "CN=untrusted" \
  -ext san=dns:localhost,ip:127.0.0.1 -keystore untrusted.p12 -storetype PKCS12 -storepass $P
rm -f ca.p12
# Client certificates: the simulated host trusts client.p12's certificate and maps it to its user; not other-client.
for n in client other-client; do
  keytool -genkeypair -alias client -keyalg RSA -keysize 2048 -validity 36500 -dname "CN=operator" \
    -ext san=email:operator@lab.example -ext eku=clientAuth -ext ku:c=digitalSignature,keyEncipherment \
    -keystore "$n.p12" -storetype PKCS12 -storepass $P
done
keytool -exportcert -rfc -alias client -keystore client.p12 -storepass $P > client-cert.pem
openssl pkcs12 -in client.p12 -nocerts -nodes -passin pass:$P | openssl pkey -out client-key.pem
