// ICU-backed rendering of catalog templates (see Renderer.swift).
