import pytest

# The shared helpers assert too: have pytest explain their failures as it does the tests'.
pytest.register_assert_rewrite("tests.http.helpers")
