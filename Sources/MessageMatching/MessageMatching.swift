// Reverse parser: from a received message back to code, locale and typed values.
