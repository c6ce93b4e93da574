"""Speech checks of takes ([verify] extra): every new take heard by Whisper before it is kept.

text (normalisation) -> align (edit distance) -> compare (the verdict) ; recognizer (faster-whisper,
loaded once) ; checker (the thread beside the scheduler) ; words (word timings for the displayed text).
"""
