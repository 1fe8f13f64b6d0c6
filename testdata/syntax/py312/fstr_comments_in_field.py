total = f"{
    x  # the value
    + y  # another
}"
