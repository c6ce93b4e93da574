"""The review page's files (index.html, review.js, review.css), served by narrator.review_session."""
