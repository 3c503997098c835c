package io.hypervwsman.transport.encryption;

/** What a multipart/encrypted body carries: the declared plaintext length, the signature and the sealed bytes. */
record EncryptedParts(int originalLength, byte[] signature, byte[] sealed) {
}
