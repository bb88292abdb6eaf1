// Translation review (see Checks.swift).
