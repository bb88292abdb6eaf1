// The catalog model.
