print("errcat")
