"""Forms (mẫu đơn, tờ khai) a citizen fills in: the blank form, a filled example, linked to procedures."""
