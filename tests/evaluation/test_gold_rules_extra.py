from sukien.evaluation.gold import is_iso3


def test_three_capitals_are_a_code_only_when_they_are_a_known_country_code():
    assert is_iso3("VNM") and is_iso3("ARE")
    assert not is_iso3("UAE")  # a name written in gold documents; the UAE's code is ARE
    assert not is_iso3("Vnm") and not is_iso3("VNMX")
